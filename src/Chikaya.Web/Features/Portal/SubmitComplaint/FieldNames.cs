namespace Chikaya.Web.Features.Portal.SubmitComplaint;

/// <summary>Where a rule's field shows its message on a form: the domain says "subject", the form "Input.Subject".</summary>
public static class FieldNames
{
    public static string OnForm(string field) => field.Length == 0
        ? ""
        : "Input." + char.ToUpperInvariant(field[0]) + field[1..];
}
