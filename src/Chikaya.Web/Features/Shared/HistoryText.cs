using Chikaya.Domain.Complaints;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Shared;

/// <summary>What a history entry's text says, in words: the deadline watch stores codes such as "answer:7".</summary>
public static class HistoryText
{
    public static string? For(ComplaintEvent e, IStringLocalizer t) => e.Type switch
    {
        ComplaintEventType.DeadlineWarning when Split(e.Text) is var (deadline, n) =>
            t["Échéance {0} dans {1} jours", t["deadline-kind." + deadline], n],
        ComplaintEventType.Escalated when Split(e.Text) is var (deadline, n) =>
            t[n == "1" ? "Échéance {0} dépassée : signalée au superviseur" : "Échéance {0} dépassée : signalée à l'administration de tutelle",
                t["deadline-kind." + deadline]],
        ComplaintEventType.RegisteredOnBehalf => e.Text is { } reference ? t["Référence : {0}", reference].Value : null,
        ComplaintEventType.CitizenMerged => t["Rattachée à la fiche citoyen conservée lors d'une fusion"],
        ComplaintEventType.CitizenMergeUndone => t["Fusion annulée : de nouveau rattachée à sa fiche citoyen d'origine"],
        ComplaintEventType.ClockResumed => t["Le délai reprend, prolongé de {0} jours", e.Text ?? "0"],
        _ => e.Text,
    };

    private static (string Deadline, string Number)? Split(string? text) =>
        text?.Split(':') is [var deadline, var number] ? (deadline, number) : null;
}
