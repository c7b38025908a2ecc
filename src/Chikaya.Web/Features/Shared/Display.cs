using System.Globalization;
using Chikaya.Domain.Common;
using Chikaya.Web.Infrastructure.Localization;

namespace Chikaya.Web.Features.Shared;

/// <summary>How dates and names are shown: Moroccan time, in the reader's language.</summary>
public static class Display
{
    public static readonly TimeZoneInfo Morocco = FindMorocco();

    public static System.DateTime Local(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Morocco);

    public static string Date(System.DateTime utc) => Local(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string DateAndTime(DateTime utc) => Local(utc).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    public static string ShortDate(System.DateTime utc) => Local(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Machine-readable, for the &lt;time&gt; element.</summary>
    public static string Iso(System.DateTime utc) => System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    public static string Name(LocalizedName name) => name.For(LocalizationSetup.CurrentLanguage);

    public static string Name(string fr, string ar) => LocalizationSetup.CurrentLanguage == "ar" ? ar : fr;

    private static TimeZoneInfo FindMorocco()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
