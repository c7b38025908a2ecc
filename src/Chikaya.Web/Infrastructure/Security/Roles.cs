namespace Chikaya.Web.Infrastructure.Security;

public static class Roles
{
    public const string Citizen = "Citizen";

    /// <summary>Handles the complaints of one administration.</summary>
    public const string Handler = "Handler";

    /// <summary>Watches the deadlines of an administration and of those below it.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Configures the platform: administrations, themes, routing, users. Sees no complaint.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Reads every complaint of the country, without personal data.</summary>
    public const string Observer = "Observer";

    /// <summary>
    /// Answers the national line ("Allô Idaraty"): finds callers, reads them their complaints' status and files
    /// for them. Not in the back office: they decide nothing on a complaint.
    /// </summary>
    public const string CallCentre = "CallCentre";

    public static readonly string[] Staff = [Handler, Supervisor, Observer];
    public static readonly string[] All = [Citizen, Handler, Supervisor, Administrator, Observer, CallCentre];

    public static string Key(string role) => "role." + role.ToLowerInvariant();
}

public static class Policies
{
    public const string Staff = "Staff";
    public const string Administrator = "Administrator";
    public const string CallCentre = "CallCentre";
    public const string Supervisor = "Supervisor";
}

public static class ChikayaClaims
{
    public const string AdministrationId = "chikaya:administration";
    public const string FullName = "chikaya:name";
    public const string TwoFactor = "chikaya:2fa";
}
