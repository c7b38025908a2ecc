namespace Chikaya.Web.Features.Dashboard;

/// <summary>A <see cref="ResolvedFilter"/> made into tables and numbers, tested on each complaint of the store.</summary>
public readonly struct StoreFilter
{
    private readonly bool[]? administrations;
    private readonly bool[]? territories;
    private readonly int theme, channel, kind, status;
    private readonly long start, end;

    public StoreFilter(ResolvedFilter filter, StoreLimits limits)
    {
        administrations = filter.Scope is null && filter.Administrations is null ? null : new bool[limits.Administrations];
        var (scope, below) = (filter.Scope?.ToHashSet(), filter.Administrations?.ToHashSet());
        if (administrations is not null)
            for (var id = 0; id < administrations.Length; id++)
                administrations[id] = (scope?.Contains(id) ?? true) && (below?.Contains(id) ?? true);
        territories = filter.Territories is null ? null : new bool[limits.Territories];
        foreach (var id in filter.Territories ?? [])
            if (id >= 0 && id < territories!.Length) territories[id] = true;
        theme = filter.ThemeId ?? -1;
        channel = filter.Channel is { } c ? (int)c : -1;
        kind = filter.Kind is { } k ? (int)k : -1;
        status = filter.Status is { } s ? (int)s : -1;
        start = filter.StartUtc?.Ticks ?? long.MinValue;
        end = filter.EndUtc?.Ticks ?? long.MaxValue;
    }

    public bool Keeps(in StoredComplaint c) =>
        !c.IsEmpty && c.Received >= start && c.Received < end
        && (theme < 0 || c.Theme == theme) && (channel < 0 || c.Channel == channel)
        && (kind < 0 || c.Kind == kind) && (status < 0 || c.Status == status)
        && (administrations is null || administrations[c.Administration])
        && (territories is null || (c.Territory >= 0 && territories[c.Territory]));
}
