using System;
using System.Threading;

namespace PleGen.Runtime.Kernels;

/// <summary>
/// Long-lived helper threads for matrix products. A training step issues dozens of products a few hundred
/// microseconds apart; waking thread-pool workers for each costs a scheduler round trip, while these threads
/// spin briefly before sleeping and so pick up the next band at once. One caller at a time owns them; a
/// concurrent caller gets false and falls back to the thread pool.
/// </summary>
internal static class GemmWorkers
{
    private static readonly object Gate = new();
    private static Worker[] _workers = Array.Empty<Worker>();

    /// <summary>
    /// Runs <paramref name="band"/>(0..bands-1): band 0 on the calling thread, the others on workers. Returns false
    /// (running nothing) when another thread is using the workers.
    /// </summary>
    public static bool TryRun(int bands, Action<int> band)
    {
        if (!Monitor.TryEnter(Gate))
        {
            return false;
        }

        try
        {
            EnsureWorkers(bands - 1);
            for (int i = 1; i < bands; i++)
            {
                _workers[i - 1].Start(band, i);
            }

            Exception? failure = null;
            try
            {
                band(0);
            }
            catch (Exception e)
            {
                failure = e;
            }

            for (int i = 1; i < bands; i++)
            {
                failure ??= _workers[i - 1].Finish();
            }

            if (failure is not null)
            {
                throw new AggregateException(failure);
            }

            return true;
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    private static void EnsureWorkers(int count)
    {
        if (_workers.Length >= count)
        {
            return;
        }

        var workers = new Worker[count];
        Array.Copy(_workers, workers, _workers.Length);
        for (int i = _workers.Length; i < count; i++)
        {
            workers[i] = new Worker(i);
        }

        _workers = workers;
    }

    private sealed class Worker
    {
        // Spin long enough to bridge the gap between consecutive products of a training step.
        private const int SpinCount = 2047;

        private readonly ManualResetEventSlim _start = new(false, SpinCount);
        private readonly ManualResetEventSlim _done = new(false, SpinCount);
        private Action<int>? _band;
        private int _index;
        private Exception? _failure;

        public Worker(int number)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = "PleGen GEMM worker " + number };
            thread.Start();
        }

        public void Start(Action<int> band, int index)
        {
            _band = band;
            _index = index;
            _failure = null;
            _done.Reset();
            _start.Set();
        }

        public Exception? Finish()
        {
            _done.Wait();
            return _failure;
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                _start.Reset();
                try
                {
                    _band!(_index);
                }
                catch (Exception e)
                {
                    _failure = e;
                }

                _done.Set();
            }
        }
    }
}
