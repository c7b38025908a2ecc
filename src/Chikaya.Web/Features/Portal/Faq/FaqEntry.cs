namespace Chikaya.Web.Features.Portal.Faq;

/// <summary>A question citizens ask, answered in French and Arabic by the platform's administrators.</summary>
public sealed class FaqEntry
{
    public int Id { get; set; }
    public string QuestionFr { get; set; } = "";
    public string AnswerFr { get; set; } = "";
    public string QuestionAr { get; set; } = "";
    public string AnswerAr { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsPublished { get; set; } = true;
    public DateTime UpdatedUtc { get; set; }
}
