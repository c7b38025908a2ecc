using System.Diagnostics.Metrics;
using Chikaya.Domain.Complaints;

namespace Chikaya.Web.Infrastructure.Telemetry;

/// <summary>The platform's own measures, in the meter <c>Chikaya</c>.</summary>
public sealed class ComplaintMetrics
{
    public const string MeterName = "Chikaya";
    private readonly Counter<long> _filed;

    public ComplaintMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _filed = meter.CreateCounter<long>("chikaya.complaints.filed", "{complaint}", "Complaints, remarks and suggestions filed, per channel");
    }

    public void Filed(Channel channel, SubmissionKind kind) =>
        _filed.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()), new KeyValuePair<string, object?>("kind", kind.ToString()));
}
