//! An upstream's SSE answer in any of the four formats (the first byte picks one, the next
//! eight say where the stream is cut into chunks).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() < 9 {
        return;
    }
    let (head, stream) = data.split_at(9);
    proxy::fuzzing::upstream_stream(head[0], &head[1..], stream);
});
