using Chikaya.Domain.Complaints;
using Chikaya.Web.Features.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chikaya.Web.Features.BackOffice.Dashboard;

/// <summary>The dashboard's filters, bound from the query string, shared by its pages.</summary>
public abstract class DashboardFilterModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Territory { get; set; }
    [BindProperty(SupportsGet = true)] public int? AdministrationId { get; set; }
    [BindProperty(SupportsGet = true)] public int? ThemeId { get; set; }
    [BindProperty(SupportsGet = true)] public Channel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public SubmissionKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public ComplaintStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public DashboardFilter Filter => new()
    {
        Territory = Territory, AdministrationId = AdministrationId, ThemeId = ThemeId, Channel = Channel, Kind = Kind,
        Status = Status, From = From, To = To,
    };
}
