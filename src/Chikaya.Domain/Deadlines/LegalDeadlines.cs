namespace Chikaya.Domain.Deadlines;

/// <summary>
/// How long an administration has. Decree 2-17-265 (29 June 2017): a complaint is forwarded
/// to the competent administration or rejected within 15 days, and answered within 60 days
/// of its receipt. A deployment may shorten or lengthen both.
/// </summary>
public sealed record LegalDeadlines(int DecisionDays, int AnswerDays) : IDeadlinePolicy
{
    public const int DecreeDecisionDays = 15;
    public const int DecreeAnswerDays = 60;

    public static readonly LegalDeadlines Decree = new(DecreeDecisionDays, DecreeAnswerDays);

    public DateTime DecisionDueUtc(DateTime receivedUtc) => receivedUtc.AddDays(DecisionDays);

    public DateTime AnswerDueUtc(DateTime receivedUtc) => receivedUtc.AddDays(AnswerDays);

    public static LegalDeadlines Create(int decisionDays, int answerDays)
    {
        if (decisionDays < 1 || answerDays < 1 || decisionDays > answerDays)
            throw new ArgumentOutOfRangeException(nameof(decisionDays),
                "Deadlines are positive and the decision comes before the answer.");
        return new LegalDeadlines(decisionDays, answerDays);
    }
}
