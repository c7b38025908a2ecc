namespace Chikaya.Web.Infrastructure;

/// <summary>A turn through a semaphore, given back once when disposed, however many times that is.</summary>
public static class SemaphoreTurn
{
    public static async Task<IDisposable> TakeTurnAsync(this SemaphoreSlim semaphore, CancellationToken ct)
    {
        await semaphore.WaitAsync(ct);
        return new Turn(semaphore);
    }

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }
}
