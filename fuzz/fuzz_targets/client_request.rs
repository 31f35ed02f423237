//! A client's request body, in any of the five dialects (the first byte picks one).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((selector, body)) = data.split_first() {
        proxy::fuzzing::client_request(*selector, body);
    }
});
