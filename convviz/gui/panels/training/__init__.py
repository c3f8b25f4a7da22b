"""The training panel: train on many digits in a worker process and watch it learn (panel.py);
Qt-free parts in worker.py, progress.py and data.py."""
