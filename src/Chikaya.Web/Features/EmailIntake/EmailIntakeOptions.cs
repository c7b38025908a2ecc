namespace Chikaya.Web.Features.EmailIntake;

/// <summary><c>Chikaya:EmailIntake</c>: the SMTP endpoint the administration's mail server relays the complaints mailbox to.</summary>
public sealed class EmailIntakeOptions
{
    public const string Section = "Chikaya:EmailIntake";

    public bool Enabled { get; set; }

    /// <summary>Where to listen; keep it on an internal address that only the mail server reaches.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; set; } = 2525;

    public int MaxMessageBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>The theme of a complaint that arrives by e-mail, until a handler reclassifies it.</summary>
    public string ThemeCode { get; set; } = "other";
}
