"""Small generated media placeholders for `/api/v1/whatsapp/media/{id}`.

The real route proxies Meta's media; here every media id gets a deterministic tiny file of its
kind, generated with the standard library, so the client's image/audio/document handling can be
exercised without network access. The content type is that of the bytes served (Meta's
original `mime_type` is kept in the DB but e.g. OGG/Opus cannot be produced without codecs).
"""

from __future__ import annotations

import hashlib
import io
import math
import struct
import wave
import zlib


def _png(seed: bytes, size: int = 96) -> bytes:
    """A two-colour diagonal gradient PNG whose colours derive from the media id."""
    r1, g1, b1, r2, g2, b2 = seed[:6]
    raw = bytearray()
    for y in range(size):
        raw.append(0)  # filter type: none
        for x in range(size):
            t = (x + y) / (2 * (size - 1))
            raw += bytes((int(r1 + (r2 - r1) * t), int(g1 + (g2 - g1) * t), int(b1 + (b2 - b1) * t)))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def _wav(seed: bytes, seconds: float = 0.6, rate: int = 8000) -> bytes:
    """A short mono 8 kHz tone; the pitch derives from the media id."""
    freq = 300 + seed[0] * 2
    frames = bytearray()
    for i in range(int(seconds * rate)):
        envelope = min(1.0, i / 400, (seconds * rate - i) / 400)
        frames += struct.pack("<h", int(9000 * envelope * math.sin(2 * math.pi * freq * i / rate)))
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return buf.getvalue()


def _pdf(title: str) -> bytes:
    """A one-page PDF with one line of text (valid xref so viewers open it)."""
    text = title.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 18 Tf 40 100 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def render(media_id: str, kind: str, filename: str | None = None) -> tuple[bytes, str]:
    """(bytes, content type) of the placeholder for a media id of a given kind."""
    seed = hashlib.sha256(media_id.encode()).digest()
    if kind in ("audio", "voice"):
        return _wav(seed), "audio/wav"
    if kind == "document":
        return _pdf(filename or f"Documento {media_id}"), "application/pdf"
    # image, sticker, video (a poster frame) and anything unknown
    return _png(seed), "image/png"
