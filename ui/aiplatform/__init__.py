"""The city AI platform on the workstation: the clinic's subscribed AI products
(dialog) and the shell extension that keeps the subscription list applied."""
