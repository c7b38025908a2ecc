namespace Chikaya.Web.Features.Jobs;

/// <summary>Work the platform does by itself, every <see cref="Every"/>, on one instance at a time.</summary>
public interface IScheduledJob
{
    string Name { get; }
    TimeSpan Every { get; }
    Task RunAsync(DateTime nowUtc, CancellationToken ct);
}

/// <summary><c>Chikaya:Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Chikaya:Jobs";

    /// <summary>Off in tests, which run the jobs themselves after moving the clock.</summary>
    public bool Enabled { get; set; } = true;

    public int TickSeconds { get; set; } = 15;
    public int OutboxEverySeconds { get; set; } = 15;
    public int DeadlineSweepEveryMinutes { get; set; } = 15;
}
