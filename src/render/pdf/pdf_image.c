/* pdf_image.c - images for libharu as raw pixels.
 *
 * libharu's PNG and JPEG loaders trust libpng and libjpeg with the file (libraries.md:
 * a bad PNG filter byte aborts the process, an interlaced PNG with alpha double-frees).
 * So the bytes the report builder checked are decoded by us (image_decode.c) and
 * libharu only ever sees 8-bit grey or RGB pixels, plus an 8-bit soft mask for
 * transparency. */
#include "pdf_layout.h"

#include "../../util/image_decode.h"

HPDF_Image pdf_image_load(HPDF_Doc pdf, const rimage *m, const char **why)
{
    decoded_image img;
    if (!m) {
        *why = "was not checked when the report was built";
        return NULL;
    }
    if (image_decode(m->data, m->len, &img, why) != 0) return NULL;
    HPDF_ColorSpace cs = img.channels == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB;
    HPDF_Image im = HPDF_LoadRawImageFromMem(pdf, img.pixels, img.width, img.height, cs, 8);
    if (im && img.alpha) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(pdf, img.alpha, img.width, img.height,
                                                   HPDF_CS_DEVICE_GRAY, 8);
        if (!mask || HPDF_Image_AddSMask(im, mask) != HPDF_OK) im = NULL;
    }
    image_release(&img);
    if (!im) *why = "could not be added to the PDF";
    return im;
}
