# pdf_pages.sh - a figure or table that continues over pages, page by page (source it).
# pages_with PDF MARK WORD...: sets pages (the PDF's page count), fig (the pages whose
# text has MARK) and heads (those of them with every WORD as a word of its own: the
# repeated axis, scale or header row).
pages_with() {
    _pdf=$1 _mark=$2
    shift 2
    pages=$(pdfinfo "$_pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    fig=0 heads=0
    _p=1
    while [ "$_p" -le "${pages:-0}" ]; do
        _pt=$(pdftotext -f $_p -l $_p "$_pdf" - 2>/dev/null)
        if echo "$_pt" | grep -q "$_mark"; then
            fig=$((fig + 1))
            _w=$(echo "$_pt" | tr -s ' ' '\n')     # one word a line
            _all=1
            for _x in "$@"; do echo "$_w" | grep -qxF -- "$_x" || _all=0; done
            heads=$((heads + _all))
        fi
        _p=$((_p + 1))
    done
}
