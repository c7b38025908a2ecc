namespace Chikaya.Web.Infrastructure.Files;

/// <summary>Where attachment bytes live, outside the web root: only our endpoints serve them, as downloads.</summary>
public interface IFileStore
{
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken);
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every stored file with the time it was saved, to find those no attachment points to.</summary>
    IAsyncEnumerable<(string Key, DateTime SavedUtc)> ListAsync(CancellationToken cancellationToken);

    /// <summary>A new key, by month of upload: <c>2026/11/3f2a...</c>.</summary>
    static string NewKey() => $"{DateTime.UtcNow:yyyy}/{DateTime.UtcNow:MM}/{Guid.NewGuid():N}";
}

public sealed class LocalFileStore(string root) : IFileStore
{
    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = IFileStore.NewKey();
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920,
                         FileOptions.Asynchronous))
        {
            await content.CopyToAsync(file, cancellationToken);
            // on disk before the complaint that points to it is committed
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path);
        return key;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<(string Key, DateTime SavedUtc)> ListAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root)) yield break;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'), File.GetLastWriteTimeUtc(path));
        }
        await Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key))
            throw new ArgumentException("Invalid storage key.", nameof(key));
        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
