namespace Chikaya.Web.Data.Seeding;

public sealed class DemoOptions
{
    public const string Section = "Chikaya";

    /// <summary>Seeds Casablanca's administrations, demo users and complaints on first start.</summary>
    public bool Demo { get; set; }

    public int DemoComplaints { get; set; } = 400;

    public const string Password = "Chikaya-Demo-2026";
    public const string Domain = "demo.chikaya.ma";
}

/// <summary>The first administrator of a real deployment: <c>Chikaya:Bootstrap:AdminEmail</c> and <c>AdminPassword</c>.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Chikaya:Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}
