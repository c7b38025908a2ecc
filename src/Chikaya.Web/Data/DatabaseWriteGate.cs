namespace Chikaya.Web.Data;

/// <summary>
/// SQLite allows one writer at a time and its driver retries a busy database by sleeping, which gives
/// second-long tails under load. Letting writes through one at a time is faster for everyone.
/// PostgreSQL needs no gate.
/// </summary>
public sealed class DatabaseWriteGate(bool enabled)
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!enabled) return NoGate.Instance;
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    public IDisposable Enter()
    {
        if (!enabled) return NoGate.Instance;
        _semaphore.Wait();
        return new Release(_semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose() { }
    }
}
