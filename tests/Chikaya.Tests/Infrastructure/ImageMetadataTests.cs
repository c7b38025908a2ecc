using System.Buffers.Binary;
using System.Text;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Infrastructure;

public sealed class ImageMetadataTests(ChikayaApp app)
{
    private static readonly byte[] Gps = Encoding.ASCII.GetBytes("Exif\0\0GPSLatitude 33.5731 N GPSLongitude 7.5898 W");

    /// <summary>A JPEG with an EXIF segment carrying a position, then a comment, then the image data.</summary>
    public static byte[] JpegWithGps()
    {
        var exif = new byte[] { 0xFF, 0xE1 }.Concat(Length(Gps.Length + 2)).Concat(Gps);
        var comment = new byte[] { 0xFF, 0xFE }.Concat(Length(9)).Concat("Salma's"u8.ToArray());
        var jfif = new byte[] { 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00 };
        var scan = new byte[] { 0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0x33, 0xFF, 0xD9 };
        return [0xFF, 0xD8, .. jfif, .. exif, .. comment, .. scan];
    }

    private static byte[] Length(int n) => [(byte)(n >> 8), (byte)n];

    private static byte[] PngWithText()
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var typeBytes = Encoding.ASCII.GetBytes(type);
            var chunk = new byte[12 + data.Length];
            BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
            typeBytes.CopyTo(chunk, 4);
            data.CopyTo(chunk, 8);
            // the CRC stays zero: the chunk is dropped, never read
            return chunk;
        }
        var png = SampleFiles.Png;
        // after the signature and IHDR (8 + 25 bytes), insert a text chunk with a position
        return [.. png[..33], .. Chunk("tEXt", Encoding.ASCII.GetBytes("GPS\0Casablanca 33.57")), .. png[33..]];
    }

    [Fact]
    public void A_JPEG_loses_its_EXIF_and_comments_but_keeps_its_image()
    {
        var clean = ImageMetadata.Strip(JpegWithGps(), FileSignature.Jpeg);
        var text = Encoding.ASCII.GetString(clean);
        Assert.DoesNotContain("GPS", text);
        Assert.DoesNotContain("Salma", text);
        Assert.Contains("JFIF", text);
        Assert.Equal(new byte[] { 0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0x33, 0xFF, 0xD9 }, clean[^9..]);
    }

    [Fact]
    public void A_PNG_loses_its_text_chunks() =>
        Assert.Equal(SampleFiles.Png, ImageMetadata.Strip(PngWithText(), FileSignature.Png));

    [Fact]
    public async Task An_uploaded_photo_is_stored_without_its_position()
    {
        var browser = app.NewBrowser();
        var form = await browser.GetAsync("/complaints/new");
        var receipt = await browser.SubmitAsync(form, "main form", new Dictionary<string, string?>
        {
            ["Input.ThemeId"] = (await app.ThemeIdAsync("roads")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Subject"] = "Photo avec position", ["Input.Description"] = "Voir la photo",
        }, [("Input.Files", "trou.jpg", JpegWithGps())]);

        await using var db = app.Database();
        var number = receipt.Text("#tracking-number");
        var attachment = (await db.Complaints.Include(c => c.Attachments).SingleAsync(c => c.TrackingNumber == number)).Attachments.Single();
        var stored = await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "attachments", attachment.StorageKey));
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(stored));
        Assert.Equal(stored.Length, attachment.SizeBytes);
    }
}
