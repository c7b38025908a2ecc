namespace Chikaya.Web.Features.Portal.SubmitComplaint;

/// <summary>
/// At most <c>Chikaya:Filing:MaxConcurrent</c> filings are worked on at once (by default twice the processor count); the
/// others wait their turn without using a processor. Under a burst, the platform keeps answering everything else
/// (tracking, pages) at once, instead of sharing its processors between a hundred half-done filings.
/// </summary>
public sealed class FilingGate(IConfiguration configuration)
{
    public const string Setting = "Chikaya:Filing:MaxConcurrent";

    private readonly SemaphoreSlim _slots = new(Math.Max(1, configuration.GetValue(Setting, Environment.ProcessorCount * 2)));

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
