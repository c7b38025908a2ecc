namespace Chikaya.Web.Features.Shared;

/// <summary>A horizontal bar chart drawn on the server as SVG; the page shows the same data as a table beside it.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<(string Label, int Value)> Bars)
{
    public int Max => Math.Max(1, Bars.Count == 0 ? 1 : Bars.Max(b => b.Value));
}
