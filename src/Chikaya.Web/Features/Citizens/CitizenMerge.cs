namespace Chikaya.Web.Features.Citizens;

/// <summary>A supervisor's merge of two citizen records, kept so that it can be undone exactly.</summary>
public sealed class CitizenMerge
{
    public long Id { get; set; }
    public Guid MergedCitizenId { get; set; }
    public Guid KeptCitizenId { get; set; }

    /// <summary>The complaints that moved: undoing moves these back, and only these.</summary>
    public List<Guid> ComplaintIds { get; set; } = [];

    public DateTime MergedUtc { get; set; }
    public string MergedByUserId { get; set; } = "";
    public string MergedByName { get; set; } = "";
    public DateTime? UndoneUtc { get; set; }
    public string? UndoneByName { get; set; }
}
