namespace Chikaya.Domain.Complaints;

/// <summary>A photo or document joined to a complaint. The bytes live in the file store under <see cref="StorageKey"/>.</summary>
public sealed class Attachment
{
    private Attachment() { }

    public Attachment(string fileName, string contentType, long sizeBytes, string storageKey, ActorKind addedBy,
        bool isPublic, DateTime addedUtc)
    {
        Id = Guid.NewGuid();
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        AddedBy = addedBy;
        IsPublic = isPublic;
        AddedUtc = addedUtc;
    }

    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";
    public ActorKind AddedBy { get; private set; }

    /// <summary>Seen by the citizen: what they sent and the documents of the answer.</summary>
    public bool IsPublic { get; private set; }

    public DateTime AddedUtc { get; private set; }
}
