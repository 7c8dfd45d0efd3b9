# options.sh - sourced by fuzz.sh and run-fuzz.sh with $h set to a harness name: sets
# $dict (libFuzzer's -dict= option, or nothing) and $len (-max_len) for it.
case $h in
plan) dict=-dict=tests/fuzz/plan.dict; len=32768 ;;
image) dict=-dict=tests/fuzz/image.dict; len=32768 ;;
sheet) dict=-dict=tests/fuzz/sheet.dict; len=65536 ;;
paper_json) dict=; len=65536 ;;
meeting) dict=-dict=tests/fuzz/meeting.dict; len=16384 ;;
*) dict=-dict=tests/fuzz/paper.dict; len=16384 ;;
esac
