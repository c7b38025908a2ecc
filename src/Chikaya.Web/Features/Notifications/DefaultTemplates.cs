namespace Chikaya.Web.Features.Notifications;

/// <summary>
/// The messages' texts until an administrator edits them. Placeholders: {number}, {link}, {subject},
/// {status}, {text}, {administration}, {due}, {days}; the digest has {open}, {overdue}, {list}.
/// </summary>
public static class DefaultTemplates
{
    public static readonly string[] Keys =
    [
        "citizen.submitted", "citizen.accepted", "citizen.rejected", "citizen.transferred", "citizen.information-requested",
        "citizen.answered", "citizen.closed", "citizen.reopened", "staff.assigned", "staff.warning", "staff.escalated", "staff.digest",
    ];

    private static readonly Dictionary<(string, string), (string Subject, string Body)> Texts = new()
    {
        [("citizen.submitted", "fr")] = ("Votre demande {number} est enregistrée",
            "Bonjour,\n\nVotre demande « {subject} » est enregistrée sous le numéro {number} et transmise à : {administration}.\nDécision au plus tard le {due}.\n\nSuivez-la ici : {link}"),
        [("citizen.submitted", "ar")] = ("تم تسجيل طلبكم {number}",
            "السلام عليكم،\n\nتم تسجيل طلبكم «{subject}» تحت رقم {number} وإحالته على: {administration}.\nالقرار في أجل أقصاه {due}.\n\nتتبعوه هنا: {link}"),
        [("citizen.accepted", "fr")] = ("Votre demande {number} est prise en charge",
            "Bonjour,\n\n{administration} a pris en charge votre demande {number}. Réponse au plus tard le {due}.\n\n{link}"),
        [("citizen.accepted", "ar")] = ("تم التكفل بطلبكم {number}",
            "السلام عليكم،\n\nتكفلت {administration} بطلبكم {number}. الجواب في أجل أقصاه {due}.\n\n{link}"),
        [("citizen.rejected", "fr")] = ("Votre demande {number} n'a pas été retenue",
            "Bonjour,\n\nVotre demande {number} a été rejetée pour le motif suivant :\n{text}\n\n{link}"),
        [("citizen.rejected", "ar")] = ("لم يتم قبول طلبكم {number}",
            "السلام عليكم،\n\nتم رفض طلبكم {number} للسبب التالي:\n{text}\n\n{link}"),
        [("citizen.transferred", "fr")] = ("Votre demande {number} est transmise à l'administration compétente",
            "Bonjour,\n\nVotre demande {number} a été transmise à : {administration}.\nMotif : {text}\n\n{link}"),
        [("citizen.transferred", "ar")] = ("تمت إحالة طلبكم {number} على الإدارة المختصة",
            "السلام عليكم،\n\nتمت إحالة طلبكم {number} على: {administration}.\nالسبب: {text}\n\n{link}"),
        [("citizen.information-requested", "fr")] = ("Une question sur votre demande {number}",
            "Bonjour,\n\nL'administration a besoin d'une précision :\n{text}\n\nRépondez ici : {link}"),
        [("citizen.information-requested", "ar")] = ("سؤال بخصوص طلبكم {number}",
            "السلام عليكم،\n\nتحتاج الإدارة إلى توضيح:\n{text}\n\nأجيبوا هنا: {link}"),
        [("citizen.answered", "fr")] = ("Réponse à votre demande {number}",
            "Bonjour,\n\n{administration} a répondu à votre demande {number} :\n\n{text}\n\nVous pouvez donner votre avis ou la rouvrir : {link}"),
        [("citizen.answered", "ar")] = ("جواب على طلبكم {number}",
            "السلام عليكم،\n\nأجابت {administration} على طلبكم {number}:\n\n{text}\n\nيمكنكم إبداء رأيكم أو إعادة فتحه: {link}"),
        [("citizen.closed", "fr")] = ("Votre demande {number} est clôturée",
            "Bonjour,\n\nVotre demande {number} est clôturée. Merci d'avoir utilisé Chikaya.\n\n{link}"),
        [("citizen.closed", "ar")] = ("تم إغلاق طلبكم {number}",
            "السلام عليكم،\n\nتم إغلاق طلبكم {number}. شكرا على استعمالكم منصة شكاية.\n\n{link}"),
        [("citizen.reopened", "fr")] = ("Votre demande {number} est rouverte",
            "Bonjour,\n\nVotre demande {number} est rouverte ; l'administration la traite de nouveau.\n\n{link}"),
        [("citizen.reopened", "ar")] = ("تمت إعادة فتح طلبكم {number}",
            "السلام عليكم،\n\nتمت إعادة فتح طلبكم {number}؛ وستعالجه الإدارة من جديد.\n\n{link}"),
        [("staff.assigned", "fr")] = ("Réclamation {number} assignée",
            "La réclamation {number} « {subject} » vous est assignée. Réponse due le {due}.\n\n{link}"),
        [("staff.assigned", "ar")] = ("أسندت إليكم الشكاية {number}",
            "أسندت إليكم الشكاية {number} «{subject}». الجواب مستحق في {due}.\n\n{link}"),
        [("staff.warning", "fr")] = ("Échéance dans {days} jours : {number}",
            "La réclamation {number} « {subject} » arrive à échéance le {due}.\n\n{link}"),
        [("staff.warning", "ar")] = ("ينتهي الأجل بعد {days} أيام: {number}",
            "ينتهي أجل الشكاية {number} «{subject}» في {due}.\n\n{link}"),
        [("staff.escalated", "fr")] = ("En retard : réclamation {number}",
            "La réclamation {number} « {subject} » de {administration} a dépassé son échéance du {due}. Elle vous est signalée.\n\n{link}"),
        [("staff.escalated", "ar")] = ("متأخرة: الشكاية {number}",
            "تجاوزت الشكاية {number} «{subject}» لدى {administration} أجلها المحدد في {due}. ونحيطكم علما بذلك.\n\n{link}"),
        [("staff.digest", "fr")] = ("Chikaya : {open} réclamations en cours, {overdue} en retard",
            "Bonjour,\n\nRéclamations en cours : {open}\nEn retard : {overdue}\n\n{list}\n\n{link}"),
        [("staff.digest", "ar")] = ("شكاية: {open} شكايات قيد المعالجة، {overdue} متأخرة",
            "السلام عليكم،\n\nالشكايات قيد المعالجة: {open}\nالمتأخرة: {overdue}\n\n{list}\n\n{link}"),
    };

    public static (string Subject, string Body) For(string key, string language) =>
        Texts.TryGetValue((key, language), out var text) ? text : Texts[(key, "fr")];
}
