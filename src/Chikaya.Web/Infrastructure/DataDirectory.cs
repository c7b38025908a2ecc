namespace Chikaya.Web.Infrastructure;

/// <summary>The folder that holds the SQLite database and the attachments: <c>Chikaya:DataDirectory</c>, default ./data.</summary>
public static class DataDirectory
{
    public const string Key = "Chikaya:DataDirectory";

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[Key];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(path);
        return path;
    }
}
