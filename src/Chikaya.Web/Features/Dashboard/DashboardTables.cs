using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>The dashboard's tables in export form, with the same figures as the page.</summary>
public static class DashboardTables
{
    public static ExportTable Channels(DashboardFigures figures, IStringLocalizer t) => new("channels",
        [t["Période"], t["Canal"], t["Reçues"], t["En cours de traitement"], t["En cours depuis 30 à 60 jours"],
            t["En cours depuis plus de 60 jours"], t["Réclamations répondues"], t["Délai de traitement minimal (jours)"],
            t["Délai de traitement moyen (jours)"], t["Délai de traitement maximal (jours)"]],
        figures.Columns.Select(c => (IReadOnlyList<object?>)
        [
            c.CurrentYear ? t["Année en cours"].Value : t["Années précédentes"].Value, t["channel-group." + c.Channel].Value,
            c.Received, c.InProgress, c.Over30, c.Over60, c.Time.Answered, c.Time.Min, c.Time.Mean, c.Time.Max,
        ]).ToList());

    public static ExportTable Themes(DashboardFigures figures, FilterChoices names, IStringLocalizer t) => new("themes",
        [t["Thème"], t["Réclamations"]],
        figures.Themes.Select(x => (IReadOnlyList<object?>)[names.Themes.GetValueOrDefault(x.ThemeId), x.Count]).ToList());

    public static ExportTable Ranking(IReadOnlyList<RankingRow> rows, FilterChoices names, IStringLocalizer t) => new("ranking",
        [t["Rang"], t["Administration"], t["Réponses dans les 60 jours"], t["Délai médian (jours)"], t["Satisfaction (sur 5)"],
            t["Reçues"], t["Répondues"]],
        rows.Select(r => (IReadOnlyList<object?>)
            [r.Rank, names.Administrations.GetValueOrDefault(r.AdministrationId), r.ShareWithin60Days, r.MedianDays, r.Satisfaction, r.Received, r.Answered])
            .ToList());
}
