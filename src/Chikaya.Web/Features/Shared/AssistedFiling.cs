using Chikaya.Domain.Citizens;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Shared;

/// <summary>A complaint and the person behind it, as a call-centre agent or a mail-office clerk types them in.</summary>
public class AssistedFilingInput
{
    public SubmissionKind Kind { get; set; } = SubmissionKind.Complaint;
    public int? ThemeId { get; set; }
    public string? TerritoryCode { get; set; }
    public string? Subject { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Cin { get; set; }
    public string? PostalAddress { get; set; }

    /// <summary>Set when the form is shown: a double click or a resent form files once.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(100)] public string? IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The agent checked these with the caller, the clerk read them on the letter: they identify the citizen.</summary>
    public SubmitComplaintCommand ToCommand(Channel channel, Actor registeredBy, string language) => new()
    {
        Kind = Kind, Channel = channel, ThemeId = ThemeId, TerritoryCode = TerritoryCode, Subject = Subject,
        Description = Description, Address = Address, Language = language, ContactName = ContactName,
        ContactEmail = ContactEmail, ContactPhone = ContactPhone, PostalAddress = PostalAddress, RegisteredBy = registeredBy,
        Citizen = new CitizenIdentity { Name = ContactName, Email = ContactEmail, Phone = ContactPhone, Cin = Cin },
        IdempotencyKey = string.IsNullOrWhiteSpace(IdempotencyKey) ? null : $"{channel}:{IdempotencyKey}",
    };

    /// <summary>What the filing rules do not check themselves; false when a message was added.</summary>
    public bool Check(ModelStateDictionary state, IStringLocalizer t)
    {
        if (!string.IsNullOrWhiteSpace(Cin) && ContactRules.NormalizeCin(Cin) is null)
            state.AddModelError("Input.Cin", t["complaint.cin.invalid"]);
        return state.IsValid;
    }

    public void ShowErrors(SubmitComplaintResult.Invalid invalid, ModelStateDictionary state, IStringLocalizer t)
    {
        foreach (var (field, code) in invalid.Errors) state.AddModelError(FieldNames.OnForm(field), t[code]);
    }
}
