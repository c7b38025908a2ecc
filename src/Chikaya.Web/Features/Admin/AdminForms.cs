using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Admin;

public static partial class AdminForms
{
    public static void RequireName(ModelStateDictionary state, IStringLocalizer t, string key, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) state.AddModelError(key, t["admin.name.required"]);
        else if (value.Trim().Length > max || value.Any(char.IsControl)) state.AddModelError(key, t["admin.name.invalid"]);
    }

    /// <summary>"new" or a number; anything else is not a page.</summary>
    public static Id? ParseId(string id) =>
        id == "new" ? new Id(null) : int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? new Id(n) : null;

    public sealed record Id(int? Value);

    public static bool IsCode(string? code) => code is not null && Code().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,59}$")]
    private static partial Regex Code();
}
