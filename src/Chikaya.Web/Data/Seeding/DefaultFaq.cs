using Chikaya.Web.Features.Portal.Faq;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Data.Seeding;

/// <summary>The first questions of the FAQ, which administrators then edit.</summary>
public static class DefaultFaq
{
    private static readonly (string QFr, string AFr, string QAr, string AAr)[] Entries =
    [
        ("Qui peut déposer une réclamation ?",
         "Toute personne, avec ou sans compte, pour tout service d'une administration, d'une collectivité territoriale ou d'un établissement public. Vous pouvez aussi déposer une observation ou une proposition.",
         "من يمكنه إيداع شكاية؟",
         "كل شخص، بحساب أو بدونه، بخصوص أي خدمة لإدارة أو جماعة ترابية أو مؤسسة عمومية. ويمكنكم أيضا إيداع ملاحظة أو اقتراح."),
        ("Dans quels délais l'administration doit-elle répondre ?",
         "Le décret 2-17-265 fixe 15 jours pour transmettre la réclamation à l'administration compétente ou la rejeter avec un motif, et 60 jours à compter de sa réception pour y répondre.",
         "ما هي آجال جواب الإدارة؟",
         "يحدد المرسوم رقم 2.17.265 أجل 15 يوما لإحالة الشكاية على الإدارة المختصة أو رفضها بقرار معلل، و60 يوما من تاريخ التوصل بها للجواب عنها."),
        ("J'ai perdu mon code secret. Comment suivre ma réclamation ?",
         "Saisissez le numéro de suivi avec l'adresse e-mail donnée lors du dépôt. Si vous avez un compte, la réclamation apparaît dans « Mes réclamations ».",
         "أضعت الرمز السري. كيف أتتبع شكايتي؟",
         "أدخلوا رقم التتبع مع البريد الإلكتروني المقدم عند الإيداع. وإذا كان لديكم حساب، تظهر الشكاية في «شكاياتي»."),
        ("La réponse ne me satisfait pas. Que faire ?",
         "Dans les 30 jours qui suivent la réponse, vous pouvez rouvrir la réclamation en expliquant pourquoi ; l'administration la traite de nouveau. Vous pouvez aussi noter la réponse et laisser une remarque.",
         "الجواب لا يرضيني. ماذا أفعل؟",
         "داخل أجل 30 يوما من الجواب، يمكنكم إعادة فتح الشكاية مع بيان السبب؛ وتعالجها الإدارة من جديد. ويمكنكم أيضا تقييم الجواب وترك ملاحظة."),
    ];

    public static async Task SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.FaqEntries.AnyAsync(ct)) return;
        db.FaqEntries.AddRange(Entries.Select((e, i) => new FaqEntry
        {
            QuestionFr = e.QFr, AnswerFr = e.AFr, QuestionAr = e.QAr, AnswerAr = e.AAr, SortOrder = (i + 1) * 10, UpdatedUtc = nowUtc,
        }));
        await db.SaveChangesAsync(ct);
    }
}
