using System.Buffers.Binary;

namespace Chikaya.Web.Infrastructure.Files;

/// <summary>
/// Removes what a photo tells beyond its pixels (GPS position, camera, date, comments) before anyone
/// else sees it: JPEG APP1/APP13/comment segments, PNG text and EXIF chunks, WEBP EXIF and XMP chunks.
/// Anything it cannot parse is returned unchanged, since the type was already checked by content.
/// </summary>
public static class ImageMetadata
{
    public static byte[] Strip(byte[] file, FileSignature.Kind kind)
    {
        try
        {
            if (kind == FileSignature.Jpeg) return Jpeg(file);
            if (kind == FileSignature.Png) return Png(file);
            if (kind == FileSignature.Webp) return Webp(file);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException) { }
        return file;
    }

    private static byte[] Jpeg(byte[] file)
    {
        using var output = new MemoryStream(file.Length);
        output.Write(file, 0, 2);
        var i = 2;
        while (i + 4 <= file.Length && file[i] == 0xFF)
        {
            var marker = file[i + 1];
            if (marker == 0xDA) break; // start of scan: the image data follows
            var length = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(i + 2, 2));
            var drop = marker is 0xE1 or 0xED or 0xFE;
            if (!drop) output.Write(file, i, 2 + length);
            i += 2 + length;
        }
        output.Write(file, i, file.Length - i);
        return output.ToArray();
    }

    private static readonly HashSet<string> PngDropped = ["tEXt", "iTXt", "zTXt", "eXIf", "tIME"];

    private static byte[] Png(byte[] file)
    {
        using var output = new MemoryStream(file.Length);
        output.Write(file, 0, 8);
        var i = 8;
        while (i + 12 <= file.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(i, 4));
            var type = System.Text.Encoding.ASCII.GetString(file, i + 4, 4);
            var total = 12 + length;
            if (!PngDropped.Contains(type)) output.Write(file, i, total);
            i += total;
        }
        return output.ToArray();
    }

    private static byte[] Webp(byte[] file)
    {
        using var body = new MemoryStream(file.Length);
        body.Write("WEBP"u8);
        var i = 12;
        while (i + 8 <= file.Length)
        {
            var fourCc = System.Text.Encoding.ASCII.GetString(file, i, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(i + 4, 4));
            var total = 8 + size + (size & 1);
            if (fourCc is not ("EXIF" or "XMP "))
            {
                var chunk = file.AsSpan(i, Math.Min(total, file.Length - i)).ToArray();
                if (fourCc == "VP8X" && chunk.Length > 8) chunk[8] &= 0b1111_0011; // no EXIF, no XMP any more
                body.Write(chunk);
            }
            i += total;
        }
        var result = new byte[8 + body.Length];
        "RIFF"u8.CopyTo(result);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)body.Length);
        body.ToArray().CopyTo(result, 8);
        return result;
    }
}
