namespace Chikaya.Web.Infrastructure.Files;

/// <summary><c>Chikaya:Storage</c>: where attachments live, a local folder (default) or an S3-compatible bucket.</summary>
public sealed class StorageOptions
{
    public const string Section = "Chikaya:Storage";

    /// <summary><c>Local</c> (the data folder's attachments/) or <c>S3</c>.</summary>
    public string Provider { get; set; } = "Local";

    public string? Bucket { get; set; }

    /// <summary>The endpoint of an S3-compatible service (MinIO, Ceph, Garage, a cloud's); none: AWS in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Bucket in the path (<c>host/bucket/key</c>), as most self-hosted services want.</summary>
    public bool ForcePathStyle { get; set; } = true;

    public string Region { get; set; } = "us-east-1";

    /// <summary>No keys: the SDK's usual sources (environment, instance role).</summary>
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }

    public bool IsS3 => string.Equals(Provider, "S3", StringComparison.OrdinalIgnoreCase);

    public bool IsValid() =>
        string.Equals(Provider, "Local", StringComparison.OrdinalIgnoreCase) || IsS3 && !string.IsNullOrWhiteSpace(Bucket);
}
