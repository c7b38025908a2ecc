using System.Runtime.InteropServices;
using Chikaya.Domain.Complaints;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// What the dashboards read of a complaint, in 52 bytes. Instants are UTC ticks (<see cref="None"/> when absent), so that
/// every comparison is the database's to the tick.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct StoredComplaint
{
    public const long None = long.MaxValue;

    public long Received;
    public long Answered;
    // answered or closed, whichever came first: no longer open after that
    public long Ended;
    // the first deadline still running: the decision's until decided, the answer's
    public long Due;
    public int Administration;
    public int Territory;
    public int Theme;
    public short Days;
    public byte Channel;
    public byte Kind;
    public byte Status;
    public byte Score;

    public readonly bool IsEmpty => Administration == 0;

    public static StoredComplaint From(DashboardRow row) => new()
    {
        Received = row.ReceivedUtc.Ticks,
        Answered = row.AnsweredUtc?.Ticks ?? None,
        Ended = Math.Min(row.AnsweredUtc?.Ticks ?? None, row.ClosedUtc?.Ticks ?? None),
        Due = Math.Min(row.DecidedUtc is null ? row.DecisionDueUtc.Ticks : None, row.AnswerDueUtc.Ticks),
        Administration = row.AdministrationId,
        Territory = row.TerritoryId ?? -1,
        Theme = row.ThemeId,
        Days = (short)(row.ProcessingDays ?? -1),
        Channel = (byte)row.Channel,
        Kind = (byte)row.Kind,
        Status = (byte)row.Status,
        Score = (byte)(row.SatisfactionScore ?? 0),
    };
}

/// <summary>The dashboard's columns of a complaint, as read from the database.</summary>
public sealed record DashboardRow(Guid Id, Channel Channel, SubmissionKind Kind, ComplaintStatus Status, int ThemeId, int? TerritoryId,
    int AdministrationId, DateTime ReceivedUtc, DateTime? AnsweredUtc, DateTime? ClosedUtc, DateTime? DecidedUtc, DateTime DecisionDueUtc,
    DateTime AnswerDueUtc, int? ProcessingDays, int? SatisfactionScore)
{
    public static IQueryable<DashboardRow> Select(IQueryable<Complaint> complaints) => complaints.Select(c => new DashboardRow(c.Id, c.Channel,
        c.Kind, c.Status, c.ThemeId, c.TerritoryId, c.AdministrationId, c.ReceivedUtc, c.AnsweredUtc, c.ClosedUtc, c.DecidedUtc,
        c.DecisionDueUtc, c.AnswerDueUtc, c.ProcessingDays, c.SatisfactionScore));
}
