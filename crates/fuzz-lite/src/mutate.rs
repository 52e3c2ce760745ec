//! Mutations of an input, in the spirit of libFuzzer's: flip, insert, erase,
//! copy within, splice with another input, and insert tokens that mean
//! something to the parsers (markup, JSON, WARC framing, odd encodings).
//!
//! The random numbers come from a small xorshift generator seeded on the
//! command line, so that a run can be repeated exactly.

/// Xorshift64*: fast, seedable, good enough to choose mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// Tokens the readers and the extractor give meaning to.
const TOKENS: &[&[u8]] = &[
    b"<", b">", b"</", b"/>", b"<div>", b"</div>", b"<p>", b"<html>", b"<!doctype html>", b"<![CDATA[", b"]]>", b"<!--", b"-->",
    b"<meta charset=\"utf-16\">", b"<meta charset=\"iso-2022-jp\">", b"&amp;", b"&#xD800;", b"&#1114112;", b"<script>", b"<item>", b"</item>",
    b"<entry>", b"<pubDate>", b"<rss version=\"2.0\">", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", b"{", b"}", b"\"", b"\\u0000",
    b"\\ud800", b"\"id\":", b"\"text\":", b"\"published\":\"2024-02-30\"", b"\"lang\":\"xx\"", b"\n", b"\r\n", b"\r\n\r\n", b"WARC/1.0\r\n",
    b"Content-Length: ", b"Content-Length: 99999999999\r\n", b"WARC-Type: response\r\n", b"HTTP/1.1 200 OK\r\n", b"Content-Type: text/html; charset=",
    b"\x1f\x8b\x08\x00", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF", b"\xC3", b"\xE2\x80", b"\xF0\x9F\x98", b"\x00", b"\xFF",
    b" M. ", b" Dr. ", b"a quitt\xC3\xA9 ", b" rejoint ", b" joined ", b" verl\xC3\xA4sst ", b" dimite ", b" PDG ", b" CEO ",
    b" le 31 f\xC3\xA9vrier ", b" l'ann\xC3\xA9e derni\xC3\xA8re ", b" in 99999 ", b" il y a 4000000000 ans ", b"Jean-", b"'", b"\xE2\x80\x99", b"\xC2\xA0",
];

/// Longest input the mutator makes.
pub const MAX_LEN: usize = 64 * 1024;

/// A mutated copy of `input`, sometimes spliced with `other`.
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + rng.below(8);
    for _ in 0..rounds {
        let len = out.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                out[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                out[i] = rng.next_u64() as u8;
            }
            2 => {
                let i = rng.below(len + 1);
                let t = TOKENS[rng.below(TOKENS.len())];
                out.splice(i..i, t.iter().copied());
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                out.drain(i..i + n);
            }
            4 if len > 0 => {
                // Copy a block elsewhere: repetition makes depth and length.
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(256));
                let block = out[i..i + n].to_vec();
                let at = rng.below(len + 1);
                let many = rng.below(8) == 0;
                let times = 1 + rng.below(if many { 64 } else { 2 });
                for _ in 0..times {
                    out.splice(at..at, block.iter().copied());
                }
            }
            5 if !other.is_empty() => {
                // Splice: this input's head with the other's tail.
                let cut = rng.below(len + 1);
                let from = rng.below(other.len());
                out.truncate(cut);
                out.extend_from_slice(&other[from..]);
            }
            6 if len > 0 => {
                out.truncate(rng.below(len));
            }
            7 if len > 0 => {
                // Digits are lengths and dates: make them large, zero or odd.
                if let Some(i) = (0..len).map(|k| (k + rng.below(len)) % len).find(|&k| out[k].is_ascii_digit()) {
                    let t: &[u8] = [b"0".as_slice(), b"9999999999", b"-1", b"18446744073709551616", b"31", b"13"][rng.below(6)];
                    out.splice(i..i + 1, t.iter().copied());
                }
            }
            _ => {
                let i = rng.below(len + 1);
                let b = [0u8, b'\n', b' ', b'.', b'<', b'>', b'"', 0x80, 0xC0][rng.below(9)];
                out.insert(i, b);
            }
        }
    }
    out.truncate(MAX_LEN);
    out
}
