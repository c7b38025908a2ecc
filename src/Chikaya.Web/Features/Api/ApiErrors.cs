using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Api;

public static class ApiErrors
{
    /// <summary>A 400 listing each field's messages in the caller's language, with the stable codes beside them.</summary>
    public static ValidationProblem Validation(IEnumerable<(string Field, string Code)> errors, IStringLocalizer t)
    {
        var list = errors.ToList();
        var messages = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => t[e.Code].Value).ToArray());
        var codes = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray());
        return TypedResults.ValidationProblem(messages, title: t["request.validation"],
            extensions: new Dictionary<string, object?> { ["codes"] = codes });
    }
}
