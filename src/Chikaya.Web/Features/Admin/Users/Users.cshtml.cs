using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Admin.Users;

public sealed class UsersModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Id, string Email, string FullName, string Role, string? Administration, bool Locked);

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    public List<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var names = (await db.Administrations.AsNoTracking().ToListAsync(ct)).ToDictionary(a => a.Id, a => Display.Name(a.Name));
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToDictionaryAsync(x => x.UserId, x => x.Name ?? "", ct);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search)) query = query.Where(u => u.Email!.Contains(Search) || u.FullName.Contains(Search));
        var users = await query.OrderBy(u => u.Email).Take(500).ToListAsync(ct);
        Users = users.Select(u => new Row(u.Id, u.Email ?? "", u.FullName, roles.GetValueOrDefault(u.Id, ""),
            u.AdministrationId is { } a ? names.GetValueOrDefault(a) : null, u.LockoutEnd > DateTimeOffset.UtcNow)).ToList();
    }
}
