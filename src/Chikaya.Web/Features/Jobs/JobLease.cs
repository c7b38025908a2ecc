namespace Chikaya.Web.Features.Jobs;

/// <summary>Who runs a scheduled job, until when, and when it last ran: one row per job, shared by all instances.</summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";
    public string? Holder { get; set; }
    public DateTime LeasedUntilUtc { get; set; }
    public DateTime? LastRunUtc { get; set; }
}
