"""The guided lesson: chapters that follow the paper, each page setting the app up for a task and
noticing when the learner has done it."""
