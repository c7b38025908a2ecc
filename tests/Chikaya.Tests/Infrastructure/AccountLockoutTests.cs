using Chikaya.Web.Data;

namespace Chikaya.Tests.Infrastructure;

/// <summary>Who still receives deadline warnings, escalations and the daily digest.</summary>
public sealed class AccountLockoutTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_member_of_staff_locked_out_for_a_while_after_wrong_passwords_is_active_again_once_it_is_over()
    {
        // Identity leaves the end of a lockout in place after it has passed
        var once = new AppUser { LockoutEnd = new DateTimeOffset(Now.AddMinutes(-10)) };
        var now = new AppUser { LockoutEnd = new DateTimeOffset(Now.AddMinutes(4)) };
        var byAdministrator = new AppUser { LockoutEnd = DateTimeOffset.MaxValue };

        Assert.Equal((true, false, false, true), (once.IsActiveAt(Now), now.IsActiveAt(Now), byAdministrator.IsActiveAt(Now), new AppUser().IsActiveAt(Now)));
    }
}
