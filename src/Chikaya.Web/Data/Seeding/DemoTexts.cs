namespace Chikaya.Web.Data.Seeding;

/// <summary>Plausible complaints for the demo, in French and Arabic, per theme.</summary>
public static class DemoTexts
{
    public sealed record Text(string Subject, string Description);

    private static readonly Dictionary<string, (Text[] Fr, Text[] Ar)> ByTheme = new()
    {
        ["cleanliness"] = (
            [new("Ordures non ramassées depuis une semaine", "Les conteneurs de la rue débordent et les ordures s'accumulent sur le trottoir depuis plusieurs jours."),
             new("Dépôt sauvage de gravats", "Des gravats ont été déposés sur un terrain vague à côté de l'école, merci de les faire enlever.")],
            [new("عدم جمع النفايات منذ أسبوع", "الحاويات ممتلئة والنفايات متراكمة على الرصيف منذ عدة أيام."),
             new("رمي مخلفات البناء", "تم رمي مخلفات البناء في أرض خالية بجانب المدرسة، المرجو إزالتها.")]),
        ["hygiene"] = (
            [new("Égout à ciel ouvert", "Une bouche d'égout est ouverte et dégage de fortes odeurs près du marché."),
             new("Prolifération de rats", "Des rats sont visibles chaque soir autour des poubelles de l'immeuble.")],
            [new("قناة صرف صحي مفتوحة", "بالوعة مفتوحة تنبعث منها روائح كريهة قرب السوق.")]),
        ["public-domain"] = (
            [new("Trottoir occupé par un café", "Les tables d'un café occupent tout le trottoir, les piétons doivent marcher sur la chaussée."),
             new("Marchands ambulants devant l'hôpital", "Des étals bloquent l'accès des ambulances devant l'entrée de l'hôpital.")],
            [new("احتلال الرصيف من طرف مقهى", "طاولات المقهى تحتل الرصيف بالكامل والراجلون يمشون في الطريق.")]),
        ["urbanism"] = (
            [new("Construction sans autorisation", "Un étage supplémentaire est en construction sans panneau d'autorisation."),
             new("Chantier abandonné dangereux", "Un chantier est abandonné depuis des mois, sans clôture, des enfants y jouent.")],
            [new("بناء بدون رخصة", "يتم بناء طابق إضافي دون أي لوحة ترخيص.")]),
        ["public-lighting"] = (
            [new("Lampadaires éteints dans la rue", "Toute la rue est dans le noir depuis deux semaines, c'est dangereux la nuit.")],
            [new("أعمدة الإنارة معطلة", "الشارع مظلم منذ أسبوعين وهذا خطير ليلا.")]),
        ["roads"] = (
            [new("Nid-de-poule dangereux", "Un grand nid-de-poule sur la chaussée a déjà causé plusieurs accidents de deux-roues.")],
            [new("حفرة خطيرة في الطريق", "حفرة كبيرة في الطريق تسببت في عدة حوادث للدراجات.")]),
        ["green-spaces"] = (
            [new("Jardin public non entretenu", "Le jardin du quartier n'est plus arrosé, les arbres sèchent et les bancs sont cassés.")],
            [new("حديقة عمومية مهملة", "حديقة الحي لم تعد تسقى والأشجار تيبس والكراسي مكسورة.")]),
        ["civil-registry"] = (
            [new("Délai pour un extrait d'acte de naissance", "Ma demande d'extrait d'acte de naissance attend depuis trois semaines au bureau d'état civil.")],
            [new("تأخر في تسليم عقد الازدياد", "طلبي للحصول على نسخة من عقد الازدياد ينتظر منذ ثلاثة أسابيع.")]),
        ["signage"] = (
            [new("Panneau stop arraché", "Le panneau stop du carrefour a été arraché, les voitures ne s'arrêtent plus.")],
            [new("علامة قف مقتلعة", "علامة قف في ملتقى الطرق مقتلعة والسيارات لا تتوقف.")]),
    };

    private static readonly (Text[] Fr, Text[] Ar) Generic = (
        [new("Service non rendu", "J'attends une réponse de l'administration depuis plusieurs semaines sans résultat.")],
        [new("خدمة غير مقدمة", "أنتظر جواب الإدارة منذ عدة أسابيع دون نتيجة.")]);

    public static Text Pick(string themeCode, string language, Random random)
    {
        var (fr, ar) = ByTheme.GetValueOrDefault(themeCode, Generic);
        var list = language == "ar" ? ar : fr;
        return list[random.Next(list.Length)];
    }

    public static readonly string[] Streets =
        ["Boulevard Zerktouni", "Rue Ibnou Mounir", "Avenue Hassan II", "Boulevard Mohammed V", "Rue Abou Bakr Seddik",
         "Boulevard d'Anfa", "Rue Moulay Youssef", "Avenue des FAR", "Boulevard Ghandi", "Rue Ibn Batouta"];

    public static readonly string[] Answers =
        ["Une équipe est intervenue sur place et le problème a été réglé. Merci pour votre signalement.",
         "Votre demande a été prise en compte et les travaux sont programmés.",
         "تم التدخل في عين المكان ومعالجة المشكل. شكرا على تبليغكم."];
}
