namespace Chikaya.Web.Infrastructure.Files;

public sealed class AttachmentOptions
{
    public const string Section = "Chikaya:Attachments";

    public int MaxFiles { get; set; } = 5;
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
}
