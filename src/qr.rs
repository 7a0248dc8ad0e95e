//! QR codes of booking codes, for mails (PNG, inline), pages and printed tickets (SVG).
//!
//! The QR code holds the booking code's 9 characters and nothing else: a
//! scanner at the front desk or the kiosk types them like a keyboard would. The
//! PNG is written by a small encoder of our own (1 bit per pixel, stored
//! deflate blocks): a QR code of 9 characters is a few kilobytes that way, and
//! the service needs no image crates for it.

use qrcode::render::svg;
use qrcode::{Color, EcLevel, QrCode};

use crate::domain::BookingCode;

/// Pixels per module in the PNG: sharp in mail clients that do not scale images up smoothly.
const SCALE: usize = 8;
/// The light border around the code, in modules, as the QR standard asks.
const QUIET: usize = 4;

fn matrix(code: &BookingCode) -> QrCode {
    // Medium error correction: a printed mail with a crease still reads.
    QrCode::with_error_correction_level(code.as_str(), EcLevel::M)
        .expect("9 characters always fit in a QR code")
}

fn svg(qr: &QrCode) -> String {
    qr.render::<svg::Color<'_>>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build()
}

/// The QR code of a booking code as an SVG document (black on white, with its quiet zone).
pub fn qr_svg(code: &BookingCode) -> String {
    svg(&matrix(code))
}

/// The QR code of a link (a ticket's page to follow it), as an SVG document.
pub fn link_svg(url: &str) -> String {
    match QrCode::with_error_correction_level(url, EcLevel::L) {
        Ok(qr) => svg(&qr),
        Err(_) => String::new(),
    }
}

/// An SVG document as an image address for `<img src>` (the pages' CSP allows `data:`).
pub fn data_uri(svg: &str) -> String {
    use base64::Engine;
    format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    )
}

/// The QR code of a booking code as a PNG image (black on white, with its quiet zone).
pub fn qr_png(code: &BookingCode) -> Vec<u8> {
    let qr = matrix(code);
    let modules = qr.width();
    let colors = qr.to_colors();
    let side = (modules + 2 * QUIET) * SCALE;
    let row_bytes = side.div_ceil(8);
    // Scanlines: a filter byte (0, none) and the pixels, 1 bit each, 1 = white.
    let mut raw = Vec::with_capacity((row_bytes + 1) * side);
    for y in 0..side {
        raw.push(0);
        let my = (y / SCALE).checked_sub(QUIET).filter(|m| *m < modules);
        let mut byte = 0u8;
        for x in 0..side {
            let mx = (x / SCALE).checked_sub(QUIET).filter(|m| *m < modules);
            let dark = matches!((mx, my), (Some(mx), Some(my)) if colors[my * modules + mx] == Color::Dark);
            byte = (byte << 1) | u8::from(!dark);
            if x % 8 == 7 {
                raw.push(byte);
                byte = 0;
            }
        }
        if !side.is_multiple_of(8) {
            raw.push(byte << (8 - side % 8));
        }
    }
    let side = u32::try_from(side).expect("a small image");
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&side.to_be_bytes());
    // Bit depth 1, grey scale, deflate, adaptive filtering, not interlaced.
    header.extend_from_slice(&[1, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &header);
    chunk(&mut png, b"IDAT", &zlib_stored(&raw));
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(
        &u32::try_from(data.len())
            .expect("a small chunk")
            .to_be_bytes(),
    );
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A zlib stream of uncompressed ("stored") deflate blocks.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(u16::MAX as usize).peekable();
    if blocks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let len = u16::try_from(block.len()).expect("a block of at most 65535 bytes");
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chunks of a PNG, each checked against its CRC.
    fn chunks(png: &[u8]) -> Vec<([u8; 4], Vec<u8>)> {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let mut at = 8;
        let mut out = Vec::new();
        while at < png.len() {
            let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
            let kind: [u8; 4] = png[at + 4..at + 8].try_into().unwrap();
            let data = png[at + 8..at + 8 + len].to_vec();
            let crc = u32::from_be_bytes(png[at + 8 + len..at + 12 + len].try_into().unwrap());
            assert_eq!(crc, crc32(&png[at + 4..at + 8 + len]), "CRC of {kind:?}");
            out.push((kind, data));
            at += 12 + len;
        }
        out
    }

    /// The bytes of a zlib stream of stored blocks, checked against its Adler-32.
    fn unstore(z: &[u8]) -> Vec<u8> {
        assert_eq!(&z[..2], &[0x78, 0x01]);
        let mut at = 2;
        let mut out = Vec::new();
        loop {
            let last = z[at] & 1 == 1;
            assert_eq!(z[at] >> 1, 0, "a stored block");
            let len = u16::from_le_bytes([z[at + 1], z[at + 2]]);
            assert_eq!(!len, u16::from_le_bytes([z[at + 3], z[at + 4]]));
            out.extend_from_slice(&z[at + 5..at + 5 + len as usize]);
            at += 5 + len as usize;
            if last {
                break;
            }
        }
        assert_eq!(&z[at..], &adler32(&out).to_be_bytes());
        out
    }

    #[test]
    fn the_png_is_well_formed_and_shows_the_qr_modules() {
        let code = BookingCode::of_value(0xAB_CDEF_0123);
        let png = qr_png(&code);
        let chunks = chunks(&png);
        let kinds: Vec<&[u8; 4]> = chunks.iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, [b"IHDR", b"IDAT", b"IEND"]);
        let side = u32::from_be_bytes(chunks[0].1[..4].try_into().unwrap()) as usize;
        let qr = matrix(&code);
        assert_eq!(side, (qr.width() + 2 * QUIET) * SCALE);
        let raw = unstore(&chunks[1].1);
        let row = side.div_ceil(8) + 1;
        assert_eq!(raw.len(), row * side);
        let pixel_dark = |x: usize, y: usize| raw[y * row + 1 + x / 8] & (0x80 >> (x % 8)) == 0;
        let colors = qr.to_colors();
        for my in 0..qr.width() {
            for mx in 0..qr.width() {
                let (x, y) = ((mx + QUIET) * SCALE + 3, (my + QUIET) * SCALE + 3);
                assert_eq!(
                    pixel_dark(x, y),
                    colors[my * qr.width() + mx] == Color::Dark,
                    "module {mx},{my}"
                );
            }
        }
        // The quiet zone is white, and the finder pattern's corner is black.
        assert!(!pixel_dark(0, 0));
        assert!(pixel_dark(QUIET * SCALE, QUIET * SCALE));
    }

    #[test]
    fn the_svg_is_an_svg_document() {
        let svg = qr_svg(&BookingCode::of_value(42));
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("</svg>"));
    }

    #[test]
    fn crc_and_adler_match_their_reference_values() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }
}
