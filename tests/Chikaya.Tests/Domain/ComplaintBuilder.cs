using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;

namespace Chikaya.Tests.Domain;

/// <summary>
/// Builds a complaint and walks it through the real state machine, one day per step:
/// <c>new ComplaintBuilder().ReceivedOn(d).Accepted().Build()</c>.
/// </summary>
public sealed class ComplaintBuilder
{
    public static readonly DateTime March1 = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    public static readonly Actor Handler = Actor.Staff("handler-1", "Agent Anfa");
    public static readonly Actor Citizen = Actor.Citizen(null, "Amina");

    private readonly List<Action<Complaint>> _steps = [];
    private DateTime _received = March1;
    private int _administrationId = 10;
    private string? _email = "amina@example.ma";
    private string? _name = "Amina";

    public DateTime Now { get; private set; } = March1;

    public ComplaintBuilder ReceivedOn(DateTime receivedUtc)
    {
        _received = receivedUtc;
        Now = receivedUtc;
        return this;
    }

    public ComplaintBuilder InAdministration(int id) { _administrationId = id; return this; }

    public ComplaintBuilder Anonymous() { _email = null; _name = null; return this; }

    public ComplaintBuilder Accepted() => Then(c => c.Accept(Handler, Now));

    public ComplaintBuilder Rejected() => Then(c => c.Reject(Handler, "Hors compétence", Now));

    public ComplaintBuilder Transferred(int to = 20) => Then(c => c.Transfer(Handler, to, "Relève de la Commune", Now));

    public ComplaintBuilder InProgress() => Accepted().Then(c => c.Assign(Handler, "handler-1", "Agent Anfa", Now));

    public ComplaintBuilder AwaitingInformation() => InProgress().Then(c => c.RequestInformation(Handler, "Quelle adresse ?", Now));

    public ComplaintBuilder Answered() => InProgress().Then(c => c.Answer(Handler, "C'est réglé.", Now));

    public ComplaintBuilder Closed() => Answered().Then(c => c.Close(Handler, Now));

    public ComplaintBuilder Reopened() => Answered().Then(c => c.Reopen(Citizen, "Rien n'a changé", Now));

    public ComplaintBuilder Then(Action<Complaint> step)
    {
        _steps.Add(step);
        return this;
    }

    public Complaint Build()
    {
        Now = _received;
        var complaint = Complaint.Submit(new NewComplaint
        {
            ThemeId = 1, AdministrationId = _administrationId, Subject = "Ordures non ramassées",
            Description = "Les conteneurs débordent.", ContactName = _name, ContactEmail = _email,
        }, "CH-2026-7K4P9Q", "ABCD-EFGH", LegalDeadlines.Decree, _received);
        foreach (var step in _steps)
        {
            Now = Now.AddDays(1);
            step(complaint);
        }
        Now = Now.AddDays(1);
        return complaint;
    }
}
