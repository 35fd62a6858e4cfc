#!/usr/bin/env python3
"""Checks that a PNG screenshot is not blank: enough non-white pixels and several colours.
Standard library only: decodes 8-bit RGB/RGBA PNGs as Chromium writes them.
Usage: png-not-blank.py FILE.png"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks = 8, []
    width = height = 0
    channels = 3
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"unsupported PNG (depth {depth}, colour type {colour})"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def main():
    width, height, channels, rows = pixels(sys.argv[1])
    colours, ink = set(), 0
    for line in rows[::2]:
        for x in range(0, width * channels, channels * 2):
            pixel = tuple(line[x:x + 3])
            colours.add(pixel)
            if sum(pixel) < 600:
                ink += 1
    sampled = (height // 2 + 1) * (width // 2 + 1)
    share = ink / sampled
    print(f"{sys.argv[1]}: {width}x{height}, {len(colours)} colours, {share:.1%} of sampled pixels not white")
    if len(colours) < 8 or share < 0.01:
        print("blank or nearly blank", file=sys.stderr)
        sys.exit(1)


main()
