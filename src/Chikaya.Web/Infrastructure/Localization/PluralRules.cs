namespace Chikaya.Web.Infrastructure.Localization;

/// <summary>CLDR plural rules, as the PO files' Plural-Forms headers number the forms.</summary>
public static class PluralRules
{
    // 0 and 1 are singular in French: "0 réclamation", "1 réclamation", "2 réclamations"
    public static int French(int n) => n > 1 ? 1 : 0;

    // zero, one, two, few (3-10), many (11-99), other
    public static int Arabic(int n) => n switch
    {
        0 => 0,
        1 => 1,
        2 => 2,
        _ when n % 100 is >= 3 and <= 10 => 3,
        _ when n % 100 is >= 11 and <= 99 => 4,
        _ => 5,
    };
}
