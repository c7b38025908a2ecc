using System.Text.RegularExpressions;
using Chikaya.Domain.Complaints;
using Microsoft.Extensions.Primitives;

namespace Chikaya.Web.Features.Open311;

/// <summary>
/// The attributes of a POST service request: attribute[code]=value, or attribute[code][]=value repeated
/// for a list. Each field is read one by one; an attribute no service defines is refused, not ignored.
/// </summary>
public static partial class Open311Attributes
{
    public const string Kind = "kind";
    public const string Territory = "territory_code";

    public sealed record Values(SubmissionKind Kind, string? TerritoryCode);

    public static (Values Values, IReadOnlyList<(string Key, string Argument)> Errors) Read(IFormCollection form)
    {
        var errors = new List<(string, string)>();
        var kind = SubmissionKind.Complaint;
        string? territory = null;
        foreach (var (field, values) in form)
        {
            var match = AttributeField().Match(field);
            if (!match.Success) continue;
            var code = match.Groups["code"].Value;
            var given = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            if (given.Count == 0) continue;
            if (code is not (Kind or Territory)) { errors.Add(("open311.attribute.unknown", code)); continue; }
            if (given.Count > 1) { errors.Add(("open311.attribute.single", code)); continue; }
            if (code == Kind)
            {
                if (Enum.TryParse<SubmissionKind>(given[0], ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(given[0], out _))
                    kind = parsed;
                else errors.Add(("open311.attribute.kind-invalid", given[0]));
            }
            else territory = given[0];
        }
        return (new Values(kind, territory), errors);
    }

    public static string? Single(IFormCollection form, string name) =>
        form.TryGetValue(name, out StringValues v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

    [GeneratedRegex(@"^attribute\[(?<code>[^\[\]]+)\](\[\])?$")]
    private static partial Regex AttributeField();
}
