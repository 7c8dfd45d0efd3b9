/* fuzz_image.c - libFuzzer harness: any bytes as an image file, through the checker
 * and the decoder (image_decode.h) that stand between images and libharu; and as a
 * font file, through the check that stands between fonts and libharu's parser
 * (font_check.c). */
#include <stdint.h>

#include "render/pdf/pdf_font.h"
#include "util/image_check.h"
#include "util/image_decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *why;
    decoded_image img;
    if (image_decode(data, size, &img, &why) == 0) {
        /* touch every byte, so a short buffer is found */
        unsigned sum = 0;
        size_t n = (size_t)img.width * img.height;
        for (size_t i = 0; i < n * (size_t)img.channels; i++) sum += img.pixels[i];
        for (size_t i = 0; img.alpha && i < n; i++) sum += img.alpha[i];
        (void)sum;
        image_release(&img);
    }
    image_check_bytes(data, size, &why);
    font_check(data, size, &why);
    return 0;
}
