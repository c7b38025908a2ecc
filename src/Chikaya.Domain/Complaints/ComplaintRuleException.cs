namespace Chikaya.Domain.Complaints;

/// <summary>
/// A change the rules refuse. <see cref="Code"/> is stable: it is the localization key
/// of the message and the <c>code</c> field of the API's problem details.
/// </summary>
public sealed class ComplaintRuleException(string code, string? field = null)
    : InvalidOperationException(code)
{
    public string Code { get; } = code;

    /// <summary>The input field at fault, when one is.</summary>
    public string? Field { get; } = field;
}
